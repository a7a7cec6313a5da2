/**
 * Planner plans and To Do lists of `npm start`'s fake tenants, so a newcomer can bring tasks in:
 * Northwind's Sales and Warehouse plans and two people's To Do lists, and one Contoso person (Ben)
 * with a plan and a list. Nobody has consented yet: the first "Bring in" shows the consent ask.
 */
import { CONTOSO_IDS } from '../seed-contoso.js';
import { seedGuid } from '../seed-types.js';
import { NORTHWIND_IDS } from './northwind.js';
import type { FakePlanInit, FakeTodoListInit } from './work.js';

const n = NORTHWIND_IDS.people;
const c = CONTOSO_IDS.people;
const id = (prefix: string, index: number) => seedGuid(prefix, index);

export const NORTHWIND_WORK: { plans: FakePlanInit[]; todoLists: FakeTodoListInit[] } = {
  plans: [
    {
      id: 'nw-plan-sales-q1', title: 'Sales Q1 pipeline', groupId: NORTHWIND_IDS.groups.sales,
      tasks: [
        { id: id('7e0a0010', 1), title: 'Call back the three stalled leads', dueDateTime: '2026-12-09T17:00:00Z', assigneeIds: [n.quinn] },
        { id: id('7e0a0010', 2), title: 'Prepare the winter price list', dueDateTime: '2026-12-15T17:00:00Z', assigneeIds: [n.pedro, n.tariq] },
        { id: id('7e0a0010', 3), title: 'Update CRM notes after the trade fair', percentComplete: 100, assigneeIds: [n.quinn] },
      ],
    },
    {
      id: 'nw-plan-warehouse', title: 'Warehouse improvements', groupId: NORTHWIND_IDS.groups.warehouse,
      tasks: [
        { id: id('7e0a0010', 4), title: 'Relabel aisle 7 for faster picking', dueDateTime: '2026-12-11T12:00:00Z', assigneeIds: [n.sam] },
        { id: id('7e0a0010', 5), title: 'Train the new hire on the scanner', assigneeIds: [n.rosa, n.uma] },
      ],
    },
  ],
  todoLists: [
    { id: 'nw-todo-quinn', displayName: 'Quinn\'s tasks', ownerId: n.quinn, tasks: [{ id: id('7e0a0011', 1), title: 'Send samples to Alfreds Futterkiste', dueDate: '2026-12-08' }, { id: id('7e0a0011', 2), title: 'Book the January customer visit' }] },
    { id: 'nw-todo-sam', displayName: 'Shift notes', ownerId: n.sam, tasks: [{ id: id('7e0a0011', 3), title: 'Report the broken pallet jack' }] },
  ],
};

export const CONTOSO_WORK: { plans: FakePlanInit[]; todoLists: FakeTodoListInit[] } = {
  plans: [
    {
      id: 'co-plan-operations', title: 'Operations weekly',
      tasks: [
        { id: id('c0a10010', 1), title: 'Review missed delivery windows of last week', dueDateTime: '2026-12-07T09:00:00Z', assigneeIds: [c.ben] },
        { id: id('c0a10010', 2), title: 'Draft the depot staffing plan', assigneeIds: [c.ben] },
      ],
    },
  ],
  todoLists: [{ id: 'co-todo-ben', displayName: 'Ben\'s tasks', ownerId: c.ben, tasks: [{ id: id('c0a10011', 1), title: 'Ask carriers for live tracking feeds', dueDate: '2026-12-10' }] }],
};
