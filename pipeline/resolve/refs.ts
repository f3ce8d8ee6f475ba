/** Keys for "the i-th mention / event mention of an article", shared by the resolvers. */
export const ref = (articleId: string, index: number): string => `${articleId}#${index}`;

/** The resolved id of each per-article item, by ref(). */
export type RefMap = ReadonlyMap<string, string>;
