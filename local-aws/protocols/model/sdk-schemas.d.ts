/** The SDK packages ship their static schemas' types under dist-types, apart from the dist-es modules loaded at run time. */
declare module '@aws-sdk/client-iam/dist-es/schemas/schemas_0.js' {
  export * from '@aws-sdk/client-iam/dist-types/schemas/schemas_0.d.ts';
}
declare module '@aws-sdk/client-sts/dist-es/schemas/schemas_0.js' {
  export * from '@aws-sdk/client-sts/dist-types/schemas/schemas_0.d.ts';
}
declare module '@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js' {
  export * from '@aws-sdk/client-ec2/dist-types/schemas/schemas_0.d.ts';
}
declare module '@aws-sdk/client-cognito-identity-provider/dist-es/schemas/schemas_0.js' {
  export * from '@aws-sdk/client-cognito-identity-provider/dist-types/schemas/schemas_0.d.ts';
}
declare module '@aws-sdk/client-cognito-identity/dist-es/schemas/schemas_0.js' {
  export * from '@aws-sdk/client-cognito-identity/dist-types/schemas/schemas_0.d.ts';
}
