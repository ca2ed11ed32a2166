/** HTTP routes for tasks. */
import { Type } from 'typebox';
import type { App } from '../../platform/http/app-types.js';
import type { AppDeps } from '../../platform/module.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES, IdParams, Page } from '../../platform/http/schemas.js';
import { Task, TaskInput, TaskListQuery, TaskPatch } from './task.schema.js';
import { createTask, deleteTask, getTask, listTasks, updateTask } from './task.service.js';

export function taskRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'List tasks by assignee, record, status and due date, with cursor pagination',
        querystring: TaskListQuery,
        response: { 200: Page(Task), ...ERROR_RESPONSES },
      },
      config: { guard: 'viewer' },
    },
    async (request) => listTasks(ctxOf(request, db), request.query),
  );

  app.post(
    '/api/v1/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Create a task (honours Idempotency-Key)',
        body: TaskInput,
        response: { 201: Task, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent', idempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createTask(ctxOf(request, db), db, request.body)),
  );

  app.get(
    '/api/v1/tasks/:id',
    {
      schema: { tags: ['tasks'], summary: 'Get a task', params: IdParams, response: { 200: Task, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => getTask(ctxOf(request, db), request.params.id),
  );

  app.patch(
    '/api/v1/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Change or complete a task; fields left out stay as they are',
        params: IdParams,
        body: TaskPatch,
        response: { 200: Task, ...ERROR_RESPONSES },
      },
      config: { guard: 'agent' },
    },
    async (request) => updateTask(ctxOf(request, db), db, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/tasks/:id',
    {
      schema: { tags: ['tasks'], summary: 'Delete a task', params: IdParams, response: { 204: Type.Null(), ...ERROR_RESPONSES } },
      config: { guard: 'agent' },
    },
    async (request, reply) => {
      await deleteTask(ctxOf(request, db), db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
