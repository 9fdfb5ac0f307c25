import { describe, expect, it } from 'vitest';
import { CascadePaths } from '../../src/convert/cascade-paths.js';

describe('CascadePaths (SQL Server Msg 1785)', () => {
  it('accepts a tree and a chain of cascades', () => {
    const paths = new CascadePaths();
    expect(paths.tryAdd('users', 'posts')).toBe(true);
    expect(paths.tryAdd('posts', 'comments')).toBe(true);
    expect(paths.tryAdd('users', 'sessions')).toBe(true);
    expect(paths.tryAdd('tags', 'post_tags')).toBe(true);
    expect(paths.tryAdd('posts', 'post_tags')).toBe(true);
  });

  it('refuses a second path to a table, also one that reaches its descendants, and cycles', () => {
    const paths = new CascadePaths();
    expect(paths.tryAdd('users', 'posts')).toBe(true);
    expect(paths.tryAdd('posts', 'comments')).toBe(true);
    expect(paths.tryAdd('Users', 'comments')).toBe(false); // users → posts → comments already
    expect(paths.tryAdd('users', 'drafts')).toBe(true);
    expect(paths.tryAdd('drafts', 'posts')).toBe(false); // users → drafts → posts and users → posts
    expect(paths.tryAdd('comments', 'users')).toBe(false); // a cycle
    expect(paths.tryAdd('a', 'a')).toBe(false);
  });
});
