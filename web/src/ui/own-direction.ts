/**
 * For inputs that take text in any script: the box follows the direction of what is typed, so
 * Arabic or Hebrew with Latin words in it reads right to left. Passed as Mantine's `attributes`,
 * since a `dir` prop lands on the input's wrapper, whose direction a typed value does not set.
 */
export const OWN_DIRECTION = { input: { dir: 'auto' } };
