import { describe, expect, it } from 'vitest';
import { describeFaults, FaultInjector, NO_FAULTS, parseFaults } from './faults.ts';

describe('LOCAL_AWS_FAULTS parsing', () => {
  it('reads every fault and the action filter', () => {
    expect(parseFaults('throttle=0.2, error=0.1;delay=2000 drop=0.05,action=CreateRole|GetRole')).toEqual({
      throttle: 0.2,
      error: 0.1,
      delayMs: 2000,
      drop: 0.05,
      dropAfter: 0,
      times: undefined,
      actions: ['CreateRole', 'GetRole'],
    });
    expect(parseFaults('drop-after=1,times=2,action=CreateRole')).toEqual({ ...NO_FAULTS, dropAfter: 1, times: 2, actions: ['CreateRole'] });
    expect(parseFaults('')).toEqual(NO_FAULTS);
  });

  it('refuses nonsense with a clear message', () => {
    expect(() => parseFaults('throttle=1.5')).toThrow('throttle must be a probability between 0 and 1, got "1.5"');
    expect(() => parseFaults('delay=-1')).toThrow('delay must be whole milliseconds');
    expect(() => parseFaults('explode=1')).toThrow('unknown fault "explode"');
    expect(() => parseFaults('throttle')).toThrow('expected key=value');
    expect(() => parseFaults('action=')).toThrow('action needs at least one operation name');
    expect(() => parseFaults('drop-after=2')).toThrow('drop-after must be a probability between 0 and 1, got "2"');
    expect(() => parseFaults('times=0')).toThrow('times must be a whole number of calls, at least 1, got "0"');
    expect(() => parseFaults('times=1.5')).toThrow('times must be a whole number of calls');
  });

  it('describes settings in the same syntax', () => {
    expect(describeFaults(parseFaults('drop=0.5,throttle=0.2,action=A'))).toBe('throttle=0.2,drop=0.5,action=A');
    expect(describeFaults(parseFaults('times=3 drop-after=0.5'))).toBe('drop-after=0.5,times=3');
  });
});

describe('FaultInjector', () => {
  function sequence(...values: number[]): () => number {
    let i = 0;
    return () => values[i++ % values.length]!;
  }

  it('does nothing without faults', () => {
    const injector = new FaultInjector(NO_FAULTS, () => 0);
    expect(injector.active).toBe(false);
    expect(injector.decide('GetRole')).toEqual({ drop: false, dropAfter: false, delayMs: 0, answer: undefined });
  });

  it('throttles about the configured share of calls', () => {
    const injector = new FaultInjector(parseFaults('throttle=0.2'), sequence(0.1, 0.3, 0.5, 0.7, 0.9));
    const answers = Array.from({ length: 10 }, () => injector.decide('GetRole').answer);
    expect(answers.filter((a) => a === 'throttle')).toHaveLength(2);
  });

  it('drops before anything else, then throttles, then errors', () => {
    expect(new FaultInjector(parseFaults('drop=1,throttle=1'), () => 0).decide('X').drop).toBe(true);
    expect(new FaultInjector(parseFaults('throttle=1,error=1'), () => 0).decide('X').answer).toBe('throttle');
    expect(new FaultInjector(parseFaults('throttle=0.5,error=1'), () => 0.7).decide('X').answer).toBe('error');
    expect(new FaultInjector(parseFaults('delay=30'), () => 0).decide('X')).toEqual({ drop: false, dropAfter: false, delayMs: 30, answer: undefined });
    expect(new FaultInjector(parseFaults('drop=1,drop-after=1'), () => 0).decide('X')).toMatchObject({ drop: true, dropAfter: false });
    expect(new FaultInjector(parseFaults('drop-after=1,error=1'), () => 0).decide('X')).toEqual({ drop: false, dropAfter: true, delayMs: 0, answer: undefined });
    expect(new FaultInjector(parseFaults('drop-after=0.5,error=1'), () => 0.7).decide('X')).toMatchObject({ dropAfter: false, answer: 'error' });
  });

  it('with times=N affects only the next N matching calls, then switches every fault off', () => {
    const injector = new FaultInjector(parseFaults('drop-after=1,times=2,action=CreateRole'), () => 0);
    expect(injector.decide('GetRole').dropAfter).toBe(false);
    expect(describeFaults(injector.settings)).toBe('drop-after=1,times=2,action=CreateRole');
    expect(injector.decide('CreateRole').dropAfter).toBe(true);
    expect(describeFaults(injector.settings)).toBe('drop-after=1,times=1,action=CreateRole');
    expect(injector.decide('CreateRole').dropAfter).toBe(true);
    expect(injector.settings).toEqual(NO_FAULTS);
    expect(injector.active).toBe(false);
    expect(injector.decide('CreateRole').dropAfter).toBe(false);
  });

  it('counts only calls that a fault hit', () => {
    const injector = new FaultInjector(parseFaults('throttle=0.5,times=1'), sequence(0.9, 0.1));
    expect(injector.decide('X').answer).toBeUndefined();
    expect(injector.active).toBe(true);
    expect(injector.decide('X').answer).toBe('throttle');
    expect(injector.active).toBe(false);
  });

  it('limits faults to the listed actions and can be changed at runtime', () => {
    const injector = new FaultInjector(parseFaults('error=1,action=CreateRole'), () => 0);
    expect(injector.decide('CreateRole').answer).toBe('error');
    expect(injector.decide('GetRole').answer).toBeUndefined();
    injector.set(NO_FAULTS);
    expect(injector.decide('CreateRole').answer).toBeUndefined();
  });
});
