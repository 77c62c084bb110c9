import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ApiError, OutputOf } from '../../../shared/contract';
import { stageTitles } from '../../../shared/domain/stages';
import { roleMay } from '../../../shared/domain/workflow';
import { useSession } from '../state/session';
import { ErrorAlert } from '../components/ErrorAlert';

type Summary = OutputOf<'assessments.list'>[number];

export function AssessmentsScreen() {
  const go = useSession((s) => s.go);
  const role = useSession((s) => s.status?.user?.role);
  // Only assessors start assessments (shared/domain/workflow.ts); the main side refuses anyone else.
  const mayCreate = role !== undefined && roleMay.create.includes(role);
  const [items, setItems] = useState<Summary[]>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    void api['assessments.list']({}).then((res) => (res.ok ? setItems(res.value) : setError(res.error)));
  }, []);

  return (
    <section aria-labelledby="list-title">
      <div className="title-row">
        <h1 id="list-title">Assessments</h1>
        {mayCreate ? (
          <button type="button" onClick={() => go({ name: 'new-assessment' })}>
            New assessment
          </button>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      {items && items.length === 0 ? <p className="panel">No assessments yet. Start one when a young person presents and their stated age is doubted.</p> : null}
      {items && items.length > 0 ? (
        <table className="panel-table">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Young person</th>
              <th scope="col">Treated as</th>
              <th scope="col">Stage</th>
              <th scope="col">Status</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>
                  <button type="button" className="link" onClick={() => go({ name: 'assessment', id: a.id })}>
                    {a.reference}
                  </button>
                </td>
                <td>{a.nameLatin}</td>
                <td>{a.presumption}</td>
                <td>{stageTitles[a.stage]}</td>
                <td>{a.status}</td>
                <td>{new Date(a.updatedOn).toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
