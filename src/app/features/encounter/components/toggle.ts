/** `list` with `item` in it (`on`) or not, each item once. */
export const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...new Set([...list, item])] : list.filter((x) => x !== item));
