/** The trail mark: a rising, winding path. Decorative, so hidden from assistive tech. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--brand)" />
      <path d="M7 22c4-8 8 0 12-8s6-4 6-4" stroke="white" strokeWidth="3" fill="none" strokeLinecap="round" />
      <circle cx="7" cy="22" r="2.2" fill="white" />
    </svg>
  );
}
