export * from './trust-policy';
export * from './validation';
export * from './create-plan';
export * from './run-plan';
export * from './filter-policies';
