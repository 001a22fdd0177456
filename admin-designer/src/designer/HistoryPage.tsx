import { useEffect, useState } from 'react';
import { Alert, Box, Card, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Title } from 'react-admin';
import { getHistory } from '../meta/metaClient';
import { useMetadata } from '../meta/metadataStore';
import type { HistoryEntry } from '../meta/types';

/** The metadata versions, newest first, with who made each and the summary of its change. */
export function HistoryPage() {
  const { document } = useMetadata();
  const [versions, setVersions] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getHistory().then(setVersions, e => setError(e instanceof Error ? e.message : String(e)));
  }, [document?.version]);
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Metadata history" />
      {error && <Alert severity="error">{error}</Alert>}
      <Card>
        <Table size="small" data-testid="history">
          <TableHead>
            <TableRow>
              <TableCell>Version</TableCell>
              <TableCell>Time</TableCell>
              <TableCell>Author</TableCell>
              <TableCell>Summary</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(versions ?? []).map(v => (
              <TableRow key={v.version}>
                <TableCell>{v.version}</TableCell>
                <TableCell>{new Date(v.time).toLocaleString()}</TableCell>
                <TableCell>{v.author}</TableCell>
                <TableCell>{v.summary}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </Box>
  );
}
