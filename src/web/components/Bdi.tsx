// A fragment whose direction is its own (a Latin name in Arabic text, an MRN, a phone number):
// <bdi> isolates it so neither it nor the text around it is reordered.
import type { ReactNode } from 'react';

export function Bdi({ children, ltr = false }: { children: ReactNode; ltr?: boolean }) {
  return <bdi dir={ltr ? 'ltr' : undefined}>{children}</bdi>;
}
