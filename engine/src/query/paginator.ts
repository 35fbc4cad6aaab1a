// Lucid's `ModelPaginator` (database/paginator/simple_paginator.js + orm/paginator): what
// `query.paginate(page, perPage)` resolves to. Previews never set `baseUrl`/`queryString`, so the
// urls are Lucid's defaults (`/?page=N`).
import type { ModelInstance } from './model-instance'
import type { ModelMeta } from './model-registry'

/** `paginationMetaKeys()` of the two built-in naming strategies (a custom one gets camelCase's). */
const META_KEYS = [
  'total',
  'perPage',
  'currentPage',
  'lastPage',
  'firstPage',
  'firstPageUrl',
  'lastPageUrl',
  'nextPageUrl',
  'previousPageUrl',
] as const

type MetaKey = (typeof META_KEYS)[number]

const SNAKE_KEYS: Record<MetaKey, string> = {
  total: 'total',
  perPage: 'per_page',
  currentPage: 'current_page',
  lastPage: 'last_page',
  firstPage: 'first_page',
  firstPageUrl: 'first_page_url',
  lastPageUrl: 'last_page_url',
  nextPageUrl: 'next_page_url',
  previousPageUrl: 'previous_page_url',
}

export class Paginated {
  /** Lucid casts the count (a string on pg) with `Number()`. */
  readonly total: number
  readonly lastPage: number
  readonly firstPage = 1

  constructor(
    readonly model: ModelMeta,
    totalNumber: unknown,
    readonly perPage: number,
    readonly currentPage: number,
    readonly rows: ModelInstance[],
  ) {
    this.total = Number(totalNumber)
    this.lastPage = Math.max(Math.ceil(this.total / this.perPage), 1)
  }

  /** `getMeta()`: keys from the model's naming strategy, in Lucid's order. */
  meta(): Record<string, unknown> {
    const values: Record<MetaKey, unknown> = {
      total: this.total,
      perPage: this.perPage,
      currentPage: this.currentPage,
      lastPage: this.lastPage,
      firstPage: this.firstPage,
      firstPageUrl: url(1),
      lastPageUrl: url(this.lastPage),
      nextPageUrl: this.lastPage > this.currentPage ? url(this.currentPage + 1) : null,
      previousPageUrl: this.currentPage > 1 ? url(this.currentPage - 1) : null,
    }
    const snake = this.model.info.namingStrategy === 'snake'
    return Object.fromEntries(META_KEYS.map((key) => [snake ? SNAKE_KEYS[key] : key, values[key]]))
  }
}

/** `getUrl(page)`: `qs.stringify({ page })` on the base url `/`, pages below 1 clamped to 1. */
function url(page: number): string {
  return `/?${new URLSearchParams({ page: String(page < 1 ? 1 : page) }).toString()}`
}
