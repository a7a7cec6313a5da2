import { describe, expect, it } from 'vitest';
import { compileRouteTemplate } from '../../../api/src/local/route-template.js';

describe('compileRouteTemplate', () => {
  it('matches literal segments case-insensitively and captures parameters', () => {
    const route = compileRouteTemplate('me/tasks/{id}');
    expect(route.match('/me/tasks/abc-1')).toEqual({ id: 'abc-1' });
    expect(route.match('/ME/Tasks/abc')).toEqual({ id: 'abc' });
    expect(route.match('/me/tasks')).toBeUndefined();
    expect(route.match('/me/tasks/a/b')).toBeUndefined();
    expect(route.match('/me/other/a')).toBeUndefined();
  });

  it('decodes parameters and keeps malformed escapes for the handler to reject', () => {
    const route = compileRouteTemplate('items/{id}');
    expect(route.match('/items/a%20b')).toEqual({ id: 'a b' });
    expect(route.match('/items/%E0%A4%A')).toEqual({ id: '%E0%A4%A' });
  });

  it('supports optional parameters, constraints and catch-alls', () => {
    expect(compileRouteTemplate('files/{name?}').match('/files')).toEqual({});
    expect(compileRouteTemplate('files/{id:guid}').match('/files/x')).toEqual({ id: 'x' });
    expect(compileRouteTemplate('static/{*rest}').match('/static/a/b/c')).toEqual({ rest: 'a/b/c' });
  });
});
