import { Alert, Box, Button, Card, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useRedirect } from 'react-admin';
import { pluralize } from '../dataProvider/naming';
import { useMetadata } from '../meta/metadataStore';

/** Every resource of the live metadata, with the way into its design. */
export function DesignerList() {
  const { document, error } = useMetadata();
  const redirect = useRedirect();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Designer" />
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2, gap: 2 }}>
        <Typography variant="h5" sx={{ flex: 1 }}>Resources {document ? `(metadata version ${document.version})` : ''}</Typography>
        <Button variant="contained" onClick={() => redirect('/designer/new')}>New resource</Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      <Card>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Plural</TableCell>
              <TableCell>Fields</TableCell>
              <TableCell>Description</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(document?.resources ?? []).map(r => (
              <TableRow key={r.name} hover>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.plural ?? pluralize(r.name)}</TableCell>
                <TableCell>{r.fields.map(f => `${f.name}: ${f.type === 'Relation' ? `${f.target}${f.cardinality === 'many' ? '[]' : ''}` : f.type}`).join(', ')}</TableCell>
                <TableCell>{r.description}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => redirect(`/designer/${r.name}`)}>Design</Button>
                  <Button size="small" onClick={() => redirect('list', r.name)}>Data</Button>
                </TableCell>
              </TableRow>
            ))}
            {document && document.resources.length === 0 && (
              <TableRow><TableCell colSpan={5}>No resources yet: create the first one.</TableCell></TableRow>
            )}
          </TableBody>
        </Table>
      </Card>
    </Box>
  );
}
