// A refusal of a step that has no form fields to mark (booking a slot, a check-in, a move): the
// problem as usual, then each field problem the server named, so "outside the provider's working
// hours" or "overlaps another appointment" is read here rather than hidden behind a summary.
import { List } from '@mantine/core';
import { isApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function ProblemList({ error }: { error: unknown }) {
  const details = isApiError(error) ? (error.problem.errors ?? []) : [];
  return (
    <div>
      <ProblemAlert error={error} />
      {details.length > 0 && (
        <List size="sm" mt="xs" data-testid="problem-details">
          {details.map((d) => <List.Item key={`${d.field}-${d.message}`}>{d.message}</List.Item>)}
        </List>
      )}
    </div>
  );
}
