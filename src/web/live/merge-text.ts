/** One replaced range of a text: `base.slice(0, start) + insert + base.slice(end)`. */
interface TextChange {
  start: number;
  end: number;
  insert: string;
}

/** The smallest single change turning `from` into `to` (common prefix and suffix kept). */
function changeBetween(from: string, to: string): TextChange {
  let start = 0;
  const shortest = Math.min(from.length, to.length);
  while (start < shortest && from[start] === to[start]) start++;
  let fromEnd = from.length;
  let toEnd = to.length;
  while (fromEnd > start && toEnd > start && from[fromEnd - 1] === to[toEnd - 1]) {
    fromEnd--;
    toEnd--;
  }
  return { start, end: fromEnd, insert: to.slice(start, toEnd) };
}

/**
 * A three-way merge of one text field: `mine` and `theirs` both started from `base`. A form keeps its
 * draft while someone else changes the same field; writing the draft as it is would erase their
 * change, so the draft's change is replayed on top of theirs instead. When both changed the same
 * stretch, or typed at the same place, both versions are kept (theirs, then mine) so nothing typed is
 * lost and every client orders them the same way.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  if (mine === base || mine === theirs) return theirs;
  if (theirs === base) return mine;
  const my = changeBetween(base, mine);
  const their = changeBetween(base, theirs);
  const samePlace = my.start === my.end && their.start === their.end && my.start === their.start;
  const apart = samePlace ? null : inOrder(my, their);
  if (apart) {
    const [first, second] = apart;
    return (
      base.slice(0, first.start) +
      first.insert +
      base.slice(first.end, second.start) +
      second.insert +
      base.slice(second.end)
    );
  }
  const start = Math.min(my.start, their.start);
  const end = Math.max(my.end, their.end);
  const theirPart = theirs.slice(start, theirs.length - (base.length - end));
  const myPart = mine.slice(start, mine.length - (base.length - end));
  return base.slice(0, start) + joinWords(theirPart, myPart) + base.slice(end);
}

/** Two changes to separate stretches, the earlier first; null when they overlap. */
function inOrder(a: TextChange, b: TextChange): [TextChange, TextChange] | null {
  if (b.end <= a.start) return [b, a];
  if (a.end <= b.start) return [a, b];
  return null;
}

/** Two kept versions side by side, with a space between unless one is already there. */
function joinWords(first: string, second: string): string {
  if (first === "" || second === "" || /\s$/.test(first) || /^\s/.test(second)) return first + second;
  return `${first} ${second}`;
}
