import { mergeResolvers } from './resolvers';

describe('mergeResolvers', () => {
  const meeting = { Query: { meeting: () => 'meeting' }, Meeting: { title: () => 'title' } };
  const item = { Query: { item: () => 'item' }, Item: { title: () => 'item title' } };

  it('merges the maps type by type, keeping every field', () => {
    const merged = mergeResolvers<Record<string, Record<string, () => string>>>([meeting, item]);
    expect(Object.keys(merged).sort()).toEqual(['Item', 'Meeting', 'Query']);
    expect(Object.keys(merged['Query']!).sort()).toEqual(['item', 'meeting']);
    expect(merged['Query']!['meeting']!()).toBe('meeting');
    expect(merged['Item']!['title']!()).toBe('item title');
  });

  it('lets a later file replace a field of the same type', () => {
    const later = { Meeting: { title: () => 'replaced' } };
    const merged = mergeResolvers<Record<string, Record<string, () => string>>>([meeting, later]);
    expect(merged['Meeting']!['title']!()).toBe('replaced');
  });

  it('leaves the feature maps as they were', () => {
    mergeResolvers<object>([meeting, item]);
    expect(Object.keys(meeting.Query)).toEqual(['meeting']);
    expect(Object.keys(item.Query)).toEqual(['item']);
  });

  it('merges nothing into an empty map', () => {
    expect(mergeResolvers<object>([])).toEqual({});
  });
});
