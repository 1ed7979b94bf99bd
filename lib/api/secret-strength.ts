// A secret long enough can still be guessable: 32 times "a" passes a length check. This estimates the
// bits a value carries from how often each of its characters occurs (Shannon's measure times its length):
// random hex or base64 of the asked-for length passes; a repeated or patterned word does not.

/** About how many bits of randomness `value` holds at most. */
export function estimatedBits(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    perCharacter -= p * Math.log2(p);
  }
  return perCharacter * value.length;
}

/** Refuses a weak secret, naming the setting and how to make a good one, never printing the value. */
export function weakSecretProblem(name: string, value: string, minimumBits: number): string | null {
  if (estimatedBits(value) >= minimumBits) return null;
  return `${name} is too predictable (repeated or patterned characters): make one with openssl rand -hex 32`;
}
