// Who did it: the staff member's name when the compliance officer may see them, else their id
// (someone from another facility, or an account since removed); "the system" when no one did.
import { useTranslation } from 'react-i18next';
import { Bdi } from '../../components/Bdi.tsx';
import { useActor } from './queries.ts';

export function ActorName({ id }: { id: string | null }) {
  const { t } = useTranslation('compliance');
  const actor = useActor(id);
  if (!id) return <>{t('compliance:system')}</>;
  if (actor.data) return <span dir="auto">{actor.data.name}</span>;
  return <Bdi ltr>…{id.slice(-8)}</Bdi>;
}
