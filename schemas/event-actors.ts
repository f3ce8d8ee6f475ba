import { col } from './columns.ts';
import { defineTable } from './table.ts';
import { EVENT_ROLES } from './vocab.ts';

export const eventActors = defineTable({
  name: 'event_actors',
  title: 'Event actors',
  grain: 'One row per actor and role in an event.',
  description: 'Who takes part in which event, and how.',
  primaryKey: ['event_id', 'actor_id', 'role'],
  foreignKeys: [
    { fields: ['event_id'], table: 'events', references: ['event_id'] },
    { fields: ['actor_id'], table: 'actors', references: ['actor_id'] },
  ],
  columns: {
    event_id: col.id('The event.'),
    actor_id: col.id('The actor.'),
    role: col.enum('Role of the actor in the event.', EVENT_ROLES),
    mention_count: col.int('Event mentions that name the actor in this role.', { min: 1 }),
  },
});
