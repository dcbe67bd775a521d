import type { ImportProblem } from "../../domain/analytics/event-import.js";

/** Bad rows as `file:line:column: reason`, so the user can find each one in the file. */
export function ProblemList({ title, problems }: { title: string; problems: ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="problem-list" role="alert">
      <strong>{title}</strong>
      <ul>
        {problems.map((problem, index) => (
          // The same location can carry several reasons, so the position keeps the keys unique.
          // biome-ignore lint/suspicious/noArrayIndexKey: problems never reorder
          <li key={index}>
            <code>{problem.location}</code>: {problem.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
