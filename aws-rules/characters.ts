/** Lengths as AWS's validators count them: Unicode code points, not UTF-16 units (an emoji is one character). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
