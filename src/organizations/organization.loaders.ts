import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKey } from '../common/batches.js';
import type { LoaderSource } from '../graphql/loaders.js';
import type { Organization } from './organization.model.js';
import { OrganizationsRepository } from './organizations.repository.js';

/** Organizations by id. */
@Injectable()
export class OrganizationLoaders implements LoaderSource {
  constructor(private readonly organizations: OrganizationsRepository) {}

  forRequest() {
    return {
      organization: new DataLoader<string, Organization | null>(async (ids) => {
        const found = byKey(await this.organizations.byIds(ids), (o) => o.id);
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
  }
}
