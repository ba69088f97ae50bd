namespace Khcn.ServiceDefaults.Security.ClientCertificates;

/// <summary>
/// The calling system a request's client certificate named (Khcn.Security.Certificates.ClientCertificateIdentity).
/// Only ever made from a certificate Kestrel accepted, so its chain was checked against the trusted authorities.
/// </summary>
public sealed record ClientCertificateCaller(string SystemName);
