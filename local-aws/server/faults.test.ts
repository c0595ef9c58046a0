import { describe, expect, it } from 'vitest';
import { describeFaults, FaultInjector, NO_FAULTS, parseFaults } from './faults.ts';

describe('LOCAL_AWS_FAULTS parsing', () => {
  it('reads every fault and the action filter', () => {
    expect(parseFaults('throttle=0.2, error=0.1;delay=2000 drop=0.05,action=CreateRole|GetRole')).toEqual({
      throttle: 0.2,
      error: 0.1,
      delayMs: 2000,
      drop: 0.05,
      actions: ['CreateRole', 'GetRole'],
    });
    expect(parseFaults('')).toEqual(NO_FAULTS);
  });

  it('refuses nonsense with a clear message', () => {
    expect(() => parseFaults('throttle=1.5')).toThrow('throttle must be a probability between 0 and 1, got "1.5"');
    expect(() => parseFaults('delay=-1')).toThrow('delay must be whole milliseconds');
    expect(() => parseFaults('explode=1')).toThrow('unknown fault "explode"');
    expect(() => parseFaults('throttle')).toThrow('expected key=value');
    expect(() => parseFaults('action=')).toThrow('action needs at least one operation name');
  });

  it('describes settings in the same syntax', () => {
    expect(describeFaults(parseFaults('drop=0.5,throttle=0.2,action=A'))).toBe('throttle=0.2,drop=0.5,action=A');
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
    expect(injector.decide('GetRole')).toEqual({ drop: false, delayMs: 0, answer: undefined });
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
    expect(new FaultInjector(parseFaults('delay=30'), () => 0).decide('X')).toEqual({ drop: false, delayMs: 30, answer: undefined });
  });

  it('limits faults to the listed actions and can be changed at runtime', () => {
    const injector = new FaultInjector(parseFaults('error=1,action=CreateRole'), () => 0);
    expect(injector.decide('CreateRole').answer).toBe('error');
    expect(injector.decide('GetRole').answer).toBeUndefined();
    injector.set(NO_FAULTS);
    expect(injector.decide('CreateRole').answer).toBeUndefined();
  });
});
