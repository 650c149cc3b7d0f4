/**
 * Chinese text similarity without a model: the Dice coefficient over character bigrams.
 * Chinese has no spaces, so bigrams of characters are the usual unit (short words are mostly
 * one or two characters); punctuation and spaces are dropped, Latin letters lower-cased.
 */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''));
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** 0 (nothing in common) … 1 (the same bigrams). */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}
