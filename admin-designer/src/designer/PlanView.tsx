import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { PlanStep } from '../meta/types';

/** The DDL plan of a change: one row per step, destructive steps in red. */
export function PlanView({ plan }: { plan: PlanStep[] }) {
  if (plan.length === 0) return <Alert severity="info">No DDL: the change only touches metadata.</Alert>;
  return (
    <Table size="small" data-testid="plan">
      <TableHead>
        <TableRow>
          <TableCell>Step</TableCell>
          <TableCell>Description</TableCell>
          <TableCell>SQL</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {plan.map((step, i) => (
          <TableRow key={i} data-destructive={step.destructive} sx={step.destructive ? { bgcolor: '#fdecea' } : undefined}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {step.kind}
              {step.destructive && <Chip size="small" color="error" label="destructive" sx={{ ml: 1 }} />}
            </TableCell>
            <TableCell>{step.description}</TableCell>
            <TableCell>
              <Box component="code" sx={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{step.sql}</Box>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
