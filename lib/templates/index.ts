/** Reply-template library: variables, working days, starter set, search, import/export and storage. */
export * from './io';
export * from './search';
export * from './starter';
export * from './variables';
export * from './working-days';
