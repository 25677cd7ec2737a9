import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Viewer } from '../auth/viewer.js';
import { unauthenticated } from '../common/errors.js';

/**
 * A feature's per-request batching: a provider of the feature's own module whose `forRequest`
 * makes one request's DataLoaders, so that a list of N parents costs one statement per relation,
 * not N. The viewer's visibility rules are part of every batch that reads what not all may see.
 */
export interface LoaderSource<T = unknown> {
  forRequest(viewer: Viewer | null): T;
}

/** What a feature's `forRequest` makes. */
export type LoadersOf<S extends LoaderSource> = ReturnType<S['forRequest']>;

/**
 * One request's loaders (`context.loaders.get(StateLoaders).state.load(iso3)`): each feature's
 * made on first use, then shared by every field of the request.
 */
export class Loaders {
  private readonly made = new Map<Type<LoaderSource>, unknown>();

  constructor(
    private readonly factory: LoadersFactory,
    readonly viewer: Viewer | null,
  ) {}

  get<S extends LoaderSource>(source: Type<S>): LoadersOf<S> {
    let loaders = this.made.get(source);
    if (loaders === undefined) {
      loaders = this.factory.source(source).forRequest(this.viewer);
      this.made.set(source, loaders);
    }
    return loaders as LoadersOf<S>;
  }
}

/** Makes each request's Loaders; finds each feature's LoaderSource among the application's providers. */
@Injectable()
export class LoadersFactory {
  private readonly sources = new Map<Type<LoaderSource>, LoaderSource>();

  constructor(private readonly moduleRef: ModuleRef) {}

  create(viewer: Viewer | null): Loaders {
    return new Loaders(this, viewer);
  }

  source<S extends LoaderSource>(type: Type<S>): S {
    const known = this.sources.get(type);
    if (known) return known as S;
    const source = this.moduleRef.get(type, { strict: false });
    this.sources.set(type, source);
    return source;
  }
}

/** The viewer a batch of what not all may see needs; a request without one is refused. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}
