import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/errors.js';
import type { CreateOrganizationInput } from './dto/create-organization.input.js';
import type { Organization } from './organization.model.js';
import { OrganizationsRepository } from './organizations.repository.js';

@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  list(): Promise<Organization[]> {
    return this.organizations.list();
  }

  async create(input: CreateOrganizationInput): Promise<Organization> {
    const created = await this.organizations.insert({ id: randomUUID(), name: input.name.trim(), kind: input.kind });
    if (!created) throw new AppError('CONFLICT', `An organization named "${input.name}" already exists`);
    return created;
  }
}
