import { describe, expect, it } from 'vitest';
import { locationOf, streetLevel } from '../../../shared/domain/case-location';

describe('a published address', () => {
  it('keeps the street and drops the house number, building, unit and room', () => {
    expect(streetLevel('深圳市南山区科技园南区高新南七道18号')).toBe('深圳市南山区科技园南区高新南七道');
    expect(streetLevel('北京市朝阳区建国路88号SOHO现代城3号楼1单元502室')).toBe('北京市朝阳区建国路');
    expect(streetLevel('上海市黄浦区南京东路100弄5号')).toBe('上海市黄浦区南京东路');
    expect(streetLevel('幸福小区三栋二单元')).toBe('幸福小区');
    expect(streetLevel('科技园18-3')).toBe('科技园');
    expect(streetLevel('广州市天河区体育西路')).toBe('广州市天河区体育西路');
  });

  it('is left out rather than guessed when nothing precedes the number', () => {
    expect(streetLevel('18号')).toBeUndefined();
  });

  it('reads an address stored as text before locations had coordinates', () => {
    expect(locationOf('幸福路8号')).toEqual({ address: '幸福路8号' });
    expect(locationOf(undefined)).toBeUndefined();
  });
});
