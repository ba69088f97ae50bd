namespace Khcn.ServiceDefaults.Security.ClientCertificates;

// The certificate belongs to the connection, so the name is read once per request and kept with it;
// null records "looked, none", so a request without a certificate is not parsed again either.
internal sealed record ClientCertificateCallerFeature(ClientCertificateCaller? Caller);
