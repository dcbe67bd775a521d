import { TriangleAlert } from "lucide-react";

interface Props {
  title: string;
  message: string;
}

export function ErrorState({ title, message }: Props) {
  return (
    <div className="error-state" role="alert">
      <TriangleAlert aria-hidden="true" size={28} />
      <h2>{title}</h2>
      <p>{message}</p>
    </div>
  );
}
