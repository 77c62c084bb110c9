import { Link } from 'react-router';
import { taskStatusLabels, type TaskStatus } from '../editors/taskStatus';

export interface TaskItem {
  id: string;
  title: string;
  href: string;
  status: TaskStatus;
  hint?: string;
}

/**
 * The GOV.UK task list: each part of the case, its status beside it, the title a link to the
 * part's own page (except where it cannot start yet). The status is part of the link's
 * accessible description, so a screen reader hears both.
 */
export function TaskList({ items, label }: { items: TaskItem[]; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="task-list">
        {items.map((t) => (
          <li key={t.id} className="task-list-item">
            <div className="task-name">
              {t.status === 'cannot-start' ? (
                <span>{t.title}</span>
              ) : (
                <Link to={t.href} aria-describedby={`task-status-${t.id}`}>
                  {t.title}
                </Link>
              )}
              {t.hint ? <p className="hint">{t.hint}</p> : null}
            </div>
            <span id={`task-status-${t.id}`} className={`task-status task-${t.status}`}>
              {taskStatusLabels[t.status]}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
