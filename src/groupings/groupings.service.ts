import { Writes } from '../database/writes.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer.js';
import { AppError, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { StatesRepository } from '../states/states.repository.js';
import type { CreateGroupingInput, UpdateGroupingInput } from './dto/grouping.inputs.js';
import type { Grouping } from './grouping.model.js';
import { GroupingsRepository } from './groupings.repository.js';

/** Every write runs in one transaction: a failure leaves nothing half-written. */
@Injectable()
export class GroupingsService {
  constructor(
    private readonly writes: Writes,
    private readonly groupings: GroupingsRepository,
    private readonly states: StatesRepository,
  ) {}

  list(): Promise<Grouping[]> {
    return this.groupings.list();
  }

  async get(id: string): Promise<Grouping | null> {
    return isUuid(id) ? this.groupings.byId(id) : null;
  }

  create(viewer: Viewer, input: CreateGroupingInput): Promise<Grouping> {
    const stateIso3s = input.stateIso3s ?? [];
    return this.writes.run(viewer, 'createGrouping', async () => {
      await this.checkName(input.name, null);
      await this.states.checkStates(stateIso3s);
      const grouping = await this.groupings.insert({
        id: randomUUID(),
        name: input.name,
        description: input.description ?? null,
        createdById: viewer.id,
      });
      if (stateIso3s.length) await this.groupings.setStates(grouping.id, stateIso3s);
      return grouping;
    });
  }

  update(viewer: Viewer, id: string, { expectedVersion, stateIso3s, ...changes }: UpdateGroupingInput): Promise<Grouping> {
    if (!isUuid(id)) throw notFound('Grouping', id);
    return this.writes.run(viewer, 'updateGrouping', async () => {
      if (changes.name !== undefined) await this.checkName(changes.name, id);
      if (stateIso3s) await this.states.checkStates(stateIso3s);
      const grouping = await this.groupings.update(id, expectedVersion, changes);
      if (stateIso3s) await this.groupings.setStates(id, stateIso3s);
      return grouping;
    });
  }

  async delete(viewer: Viewer, id: string, expectedVersion?: number): Promise<string> {
    if (!isUuid(id)) throw notFound('Grouping', id);
    await this.writes.run(viewer, 'deleteGrouping', () => this.groupings.delete(id, expectedVersion));
    return id;
  }

  private async checkName(name: string, exceptId: string | null): Promise<void> {
    await this.groupings.lockName(name);
    if (await this.groupings.nameTaken(name, exceptId)) {
      throw new AppError('CONFLICT', `A grouping named "${name}" already exists`, { name });
    }
  }
}
