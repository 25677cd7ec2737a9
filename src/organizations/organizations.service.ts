import { Writes } from '../database/writes.js';
import type { Viewer } from '../auth/viewer.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors.js';
import type { CreateOrganizationInput } from './dto/create-organization.input.js';
import type { Organization } from './organization.model.js';
import { OrganizationsRepository } from './organizations.repository.js';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly writes: Writes,
    private readonly organizations: OrganizationsRepository,
  ) {}

  list(search?: string): Promise<Organization[]> {
    return this.organizations.list(search);
  }

  /** Names are unique regardless of case ("France" and "france" are one organization). */
  async create(viewer: Viewer, input: CreateOrganizationInput): Promise<Organization> {
    const name = input.name.trim();
    const created = await this.writes.run(viewer, 'createOrganization', async () =>
      (await this.organizations.byName(name)) ? null : this.organizations.insert({ id: randomUUID(), name, kind: input.kind }),
    );
    if (!created) throw new AppError('CONFLICT', `An organization named "${name}" already exists`);
    return created;
  }
}
