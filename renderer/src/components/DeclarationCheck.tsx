import { CheckField } from '../forms/fields';
import { declarationFor } from '../../../shared/domain/declaration';
import { useSession } from '../state/session';

/** The signer's declaration (shared/domain/declaration.ts), word for word, and the box that confirms it; the main side refuses a signature without it. */
export function DeclarationCheck({ checked, onChange, error }: { checked: boolean; onChange(v: boolean): void; error?: string }) {
  const role = useSession((s) => s.status?.user?.role);
  return (
    <>
      <blockquote className="declaration">{declarationFor(role ?? 'assessor')}</blockquote>
      <CheckField label="I confirm this declaration, which is printed beside my signature" checked={checked} onChange={onChange} error={error} />
    </>
  );
}
