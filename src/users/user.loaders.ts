import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKey } from '../common/batches.js';
import type { LoaderSource } from '../graphql/loaders.js';
import type { User } from './user.model.js';
import { UsersRepository } from './users.repository.js';

/** Users by id (the authors, actors and owners that lists name). */
@Injectable()
export class UserLoaders implements LoaderSource {
  constructor(private readonly users: UsersRepository) {}

  forRequest() {
    return {
      user: new DataLoader<string, User | null>(async (ids) => {
        const found = byKey(await this.users.byIds(ids), (u) => u.id);
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
  }
}
