/**
 * The draft of one part of a case (or the new-assessment form): loads the person's draft before
 * the editor mounts (so the editor starts from it), saves the editor's state to the main side a
 * second after typing stops, says where the draft stands ("Draft saved at 10:42", "Saving the
 * draft…", "Draft not saved: …"), offers to keep or discard a restored draft, and warns before
 * leaving while words are kept nowhere yet (useBlocker inside the app, with a modal dialog;
 * beforeunload for a reload or a closed tab). Drafts live in the encrypted store, never in the
 * browser's storage.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { api } from '../api/client';
import type { DraftPartName } from './parts';
import { DraftContext, type DraftApi, type DraftContent } from './DraftContext';
import { registerFlush } from './flush';
import { LeaveDialog } from './LeaveDialog';
import { problemTexts } from '../forms/errors';
import { formatTime } from '../../../shared/format/dates';

const DEBOUNCE_MS = 1000;

type Status = { kind: 'clean' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

interface Props {
  assessmentId: string;
  part: DraftPartName;
  /** False where nothing may be typed (a signed case): no draft is read or kept. */
  enabled?: boolean;
  children: ReactNode;
}

export function DraftProvider({ assessmentId, part, enabled = true, children }: Props) {
  const [loaded, setLoaded] = useState<{ restored?: DraftContent; savedOn?: string }>();
  // A new mount of the editor after "Discard" (it starts again from the saved record).
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) {
      setLoaded({});
      return;
    }
    let live = true;
    void api['drafts.get']({ assessmentId, part }).then((res) => {
      if (!live) return;
      const draft = res.ok ? res.value.draft : null;
      const content = draft && typeof draft.content === 'object' && !Array.isArray(draft.content) ? (draft.content as DraftContent) : undefined;
      setLoaded(content ? { restored: content, savedOn: draft?.savedOn } : {});
    });
    return () => {
      live = false;
    };
  }, [assessmentId, part, enabled]);

  if (!loaded) return <p aria-live="polite">Loading…</p>;
  return (
    <DraftSaver
      key={generation}
      assessmentId={assessmentId}
      part={part}
      enabled={enabled}
      restored={loaded.restored}
      restoredOn={loaded.savedOn}
      onDiscard={() => {
        setLoaded({});
        setGeneration((g) => g + 1);
      }}
    >
      {children}
    </DraftSaver>
  );
}

function DraftSaver({
  assessmentId,
  part,
  enabled,
  restored,
  restoredOn,
  onDiscard,
  children,
}: Required<Pick<Props, 'assessmentId' | 'part' | 'enabled'>> & { restored?: DraftContent; restoredOn?: string; onDiscard(): void; children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'clean' });
  const [matched, setMatched] = useState(false);
  const [showRestored, setShowRestored] = useState(true);
  const values = useRef<DraftContent>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dirty = useRef(false);
  /** When a draft of this part was last kept in the store (this visit, or the one restored). */
  const lastKept = useRef<string | undefined>(restoredOn);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current || !enabled) return;
    dirty.current = false;
    setStatus({ kind: 'saving' });
    const res = await api['drafts.save']({ assessmentId, part, content: values.current as never });
    if (res.ok) {
      lastKept.current = res.value.savedOn;
      // Typing while the save was under way leaves the draft pending again.
      setStatus(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: res.value.savedOn });
    } else {
      dirty.current = true;
      setStatus({ kind: 'failed', message: problemTexts(res.error).join(' ') });
    }
  }, [assessmentId, part, enabled]);

  const draftApi = useMemo<DraftApi>(
    () => ({
      restored,
      report(key, value, initial) {
        values.current = { ...values.current, [key]: value };
        if (initial) {
          if (restored?.[key] !== undefined) setMatched(true);
          return;
        }
        dirty.current = true;
        setStatus((s) => (s.kind === 'pending' ? s : { kind: 'pending' }));
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
      },
      saved() {
        clearTimeout(timer.current);
        timer.current = undefined;
        dirty.current = false;
        setStatus({ kind: 'clean' });
        setShowRestored(false);
      },
    }),
    [restored, save],
  );

  // Lock first keeps the last second's typing; leaving the part (unmount) does too.
  useEffect(() => registerFlush(save), [save]);
  useEffect(() => () => void save(), [save]);

  const unsafe = status.kind === 'pending' || status.kind === 'saving' || status.kind === 'failed';
  useEffect(() => {
    if (!unsafe) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsafe]);
  // Inside the app only a failed draft stops a move: a pending one is saved on the way out.
  const blocker = useBlocker(status.kind === 'failed');

  async function discard() {
    clearTimeout(timer.current);
    dirty.current = false;
    await api['drafts.discard']({ assessmentId, part });
    onDiscard();
  }

  return (
    <DraftContext.Provider value={draftApi}>
      {restored && matched && showRestored ? (
        <div className="restored-draft" role="region" aria-label="Restored draft">
          <p>
            <strong>Restored draft.</strong> This part shows what you typed{restoredOn ? ` up to ${formatTime(restoredOn)}` : ''}, which is not saved to the record yet.
          </p>
          <div className="actions">
            <button type="button" onClick={() => setShowRestored(false)}>
              Keep the draft
            </button>
            <button type="button" className="secondary" onClick={() => void discard()}>
              Discard the draft
            </button>
          </div>
        </div>
      ) : null}
      {enabled ? <DraftStatus status={status} /> : null}
      {children}
      <LeaveDialog
        open={blocker.state === 'blocked'}
        reason={status.kind === 'failed' ? status.message : undefined}
        lastKept={lastKept.current}
        onStay={() => {
          blocker.reset?.();
          // Staying is a second chance for the draft: it is tried again at once.
          void save();
        }}
        onLeave={() => blocker.proceed?.()}
      />
    </DraftContext.Provider>
  );
}

function DraftStatus({ status }: { status: Status }) {
  if (status.kind === 'failed') {
    return (
      <p className="draft-status draft-failed" role="alert">
        Draft not saved: {status.message}
      </p>
    );
  }
  const text = status.kind === 'saved' ? `Draft saved at ${formatTime(status.at)}` : status.kind === 'saving' ? 'Saving the draft…' : status.kind === 'pending' ? 'Changes not saved yet' : '';
  // Not announced on every keystroke pause: the words are there for whoever looks.
  return (
    <p className="draft-status" data-testid="draft-status">
      {text}
    </p>
  );
}
