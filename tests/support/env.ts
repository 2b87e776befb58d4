// Tests run quietly and locally: no log lines, no AWS account, the dev login on.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.AWS_REGION ??= 'local';
process.env.GONGZHI_DEV_LOGIN = '1';
delete process.env.AWS_LAMBDA_FUNCTION_NAME;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
