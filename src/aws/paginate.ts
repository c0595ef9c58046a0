/**
 * Every item of every page of an SDK paginator (`paginateListX`), in order. The paginators follow Marker or NextToken
 * while AWS says there is more, so no feature writes that loop by hand.
 */
export async function collectPages<Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => readonly Item[] | undefined,
): Promise<Item[]> {
  const all: Item[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}
