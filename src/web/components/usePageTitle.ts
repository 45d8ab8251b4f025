// Each screen names itself in the browser tab and for screen readers: "Account · NileCare".
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · NileCare` : 'NileCare';
  }, [title]);
}
