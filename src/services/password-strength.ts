/**
 * How easily a password would be guessed, by zxcvbn-ts: it knows tens of thousands of common
 * passwords, names and words, keyboard walks, repeats, sequences and dates, and works offline.
 * The dictionaries are large, so they are loaded on the first password set, not at start-up
 * (every CLI command and server start would otherwise pay for them).
 */
type Estimator = { check(password: string, userInputs?: string[]): { score: number } };

let estimator: Promise<Estimator> | null = null;

function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  })();
  return estimator;
}

/**
 * zxcvbn's score 3 is "safely unguessable: moderate protection from an offline slow-hash attack";
 * passwords are stored as argon2id (a slow hash), so 3 is the lowest score accepted.
 */
export const MIN_PASSWORD_SCORE = 3;

export const PASSWORD_TOO_COMMON = 'the password is too common or too easy to guess; use a few unrelated words';
export const PASSWORD_UNCHANGED = 'the new password must differ from the current one';

/** True when the password is among the common ones or otherwise too easy to guess. */
export async function isGuessable(password: string, userInputs: string[] = []): Promise<boolean> {
  const { score } = (await loadEstimator()).check(password, userInputs);
  return score < MIN_PASSWORD_SCORE;
}
