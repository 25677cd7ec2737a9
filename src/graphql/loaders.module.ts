import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { GroupingsModule } from '../groupings/groupings.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { ObstaclesModule } from '../obstacles/obstacles.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { StatesModule } from '../states/states.module.js';
import { UsersModule } from '../users/users.module.js';
import { VotesModule } from '../votes/votes.module.js';
import { LoadersFactory } from './loaders.js';

@Module({
  imports: [
    StatesModule,
    VotesModule,
    ContactsModule,
    InteractionsModule,
    OrganizationsModule,
    UsersModule,
    ObstaclesModule,
    GroupingsModule,
  ],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class LoadersModule {}
