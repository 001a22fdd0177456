import { Admin, Authenticated, CustomRoutes, Layout, Menu, Resource, type LayoutProps } from 'react-admin';
import { Route } from 'react-router-dom';
import ArchitectureIcon from '@mui/icons-material/Architecture';
import HistoryIcon from '@mui/icons-material/History';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { authorizedFetch } from './auth/session';
import { createDataProvider, type GraphQLTransport } from './dataProvider';
import { lookupIn } from './dataProvider/model';
import { pluralize } from './dataProvider/naming';
import { ResourceCreate, ResourceEdit, ResourceList, ResourceShow } from './data/views';
import { representationOf } from './data/fields';
import { DesignerList } from './designer/DesignerList';
import { HistoryPage } from './designer/HistoryPage';
import { ResourceEditor } from './designer/ResourceEditor';
import { currentModels, useMetadata } from './meta/metadataStore';

const transport: GraphQLTransport = async body => {
  const response = await authorizedFetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json().catch(() => null) };
};

const dataProvider = createDataProvider(transport, lookupIn(currentModels));

function AppMenu() {
  return (
    <Menu>
      <Menu.Item to="/designer" primaryText="Designer" leftIcon={<ArchitectureIcon />} />
      <Menu.Item to="/history" primaryText="History" leftIcon={<HistoryIcon />} />
      <Menu.ResourceItems />
    </Menu>
  );
}

const AppLayout = ({ children }: LayoutProps) => <Layout menu={AppMenu}>{children}</Layout>;

/** The admin: the designer's pages, and one data browser resource per resource of the live metadata. */
export function App() {
  const { document, models } = useMetadata();
  return (
    <Admin dataProvider={dataProvider} authProvider={authProvider} loginPage={LoginPage} layout={AppLayout}
      dashboard={DesignerList} disableTelemetry>
      {(document?.resources ?? []).map(r => {
        const model = models.get(r.name);
        return (
          <Resource key={r.name} name={r.name} options={{ label: r.plural ?? pluralize(r.name) }} list={ResourceList} show={ResourceShow}
            edit={ResourceEdit} create={ResourceCreate} recordRepresentation={model ? representationOf(model) : 'id'} />
        );
      })}
      <CustomRoutes>
        <Route path="/designer" element={<Authenticated><DesignerList /></Authenticated>} />
        <Route path="/designer/new" element={<Authenticated><ResourceEditor /></Authenticated>} />
        <Route path="/designer/:name" element={<Authenticated><ResourceEditor /></Authenticated>} />
        <Route path="/history" element={<Authenticated><HistoryPage /></Authenticated>} />
      </CustomRoutes>
    </Admin>
  );
}
