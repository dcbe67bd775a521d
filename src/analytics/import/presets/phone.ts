/**
 * A phone number as one person id across CRM, call tracking and web forms: digits only, a Russian
 * trunk `8XXXXXXXXXX` or a bare 10-digit number becomes `+7XXXXXXXXXX`; undefined when the text
 * holds too few digits to be a phone.
 * @example normalizePhone("8 (916) 123-45-67") // "+79161234567"
 */
export function normalizePhone(text: string): string | undefined {
  const digits = text.replace(/\D/g, "");
  if (digits.length < 10 || digits.length > 15) return undefined;
  if (digits.length === 11 && digits.startsWith("8")) return `+7${digits.slice(1)}`;
  if (digits.length === 10 && !text.trim().startsWith("+")) return `+7${digits}`;
  return `+${digits}`;
}

/** Every phone in a cell: CRM exports list several in one cell, separated by commas. */
export function phonesIn(text: string): string[] {
  const phones = text.split(/[,;]/).map((part) => normalizePhone(part));
  return [...new Set(phones.filter((phone): phone is string => phone !== undefined))];
}
