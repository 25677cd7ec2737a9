import { Module } from '@nestjs/common';
import { OrganizationLoaders } from './organization.loaders.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationsResolver } from './organizations.resolver.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  providers: [OrganizationsRepository, OrganizationsService, OrganizationLoaders, OrganizationsResolver],
  exports: [OrganizationsRepository],
})
export class OrganizationsModule {}
