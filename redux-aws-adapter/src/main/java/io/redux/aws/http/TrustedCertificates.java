package io.redux.aws.http;

import io.redux.domain.error.InvalidInputException;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Trust managers that accept the JVM's trusted certificates plus those of a PEM bundle, so a corporate
 * TLS-inspecting proxy's root CA can be added without losing the public roots.
 *
 * <p>Building them parses every certificate of the JVM's store and of the bundle, which is slow in a fresh JVM, and
 * every client (the plain one and the streaming one) asks for them; so they are built once per version of the
 * bundle file (its path, size and modification time) and shared.
 */
final class TrustedCertificates {

    private record BundleVersion(Path path, long size, long modifiedMillis) {
    }

    private static final ConcurrentMap<BundleVersion, TrustManager[]> BUILT = new ConcurrentHashMap<>();

    private TrustedCertificates() {
    }

    public static TrustManager[] withBundle(Path pemBundle) {
        BundleVersion version = versionOf(pemBundle);
        if (version == null) {
            return build(pemBundle);
        }
        // Not computeIfAbsent: a failure must surface each time, and two threads building at once is only wasteful.
        TrustManager[] known = BUILT.get(version);
        if (known != null) {
            return known.clone();
        }
        TrustManager[] built = build(pemBundle);
        BUILT.put(version, built);
        return built.clone();
    }

    private static BundleVersion versionOf(Path pemBundle) {
        try {
            Path path = pemBundle.toAbsolutePath().normalize();
            return new BundleVersion(path, Files.size(path), Files.getLastModifiedTime(path).toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    private static TrustManager[] build(Path pemBundle) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate certificate : jvmDefaults().getAcceptedIssuers()) {
                store.setCertificateEntry("jvm-" + n++, certificate);
            }
            Collection<? extends Certificate> bundle = read(pemBundle);
            if (bundle.isEmpty()) {
                throw new InvalidInputException("AWS_CA_BUNDLE " + pemBundle + " holds no certificate; point it at a PEM file");
            }
            for (Certificate certificate : bundle) {
                store.setCertificateEntry("bundle-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidInputException("Cannot use AWS_CA_BUNDLE " + pemBundle + ": " + e.getMessage());
        }
    }

    private static Collection<? extends Certificate> read(Path pemBundle) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(pemBundle)) {
            throw new InvalidInputException("AWS_CA_BUNDLE " + pemBundle + " is not a readable file");
        }
        // In memory: the parser reads its input a byte at a time, a system call each from an unbuffered file stream
        // (half a second for the 220 KB bundle of a Debian system).
        byte[] pem = Files.readAllBytes(pemBundle);
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
    }

    private static X509TrustManager jvmDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JVM has no X.509 trust manager");
    }
}
