package io.interchange.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.jce.SignatureECDSA256;
import com.jcraft.jsch.jce.SignatureECDSA521;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop box's host key is ECDSA on P-256, because JSch (the SFTP client of Camel and of many
 * partners' Java tools) cannot read some P-521 signatures. The last two tests show that defect on
 * JSch's own verifier and that P-256 is clear of it; the P-521 one fails once a JSch upgrade fixes
 * the defect, and then SSHD's default curve would do again.
 */
class DropBoxHostKeyTest {

    @TempDir
    Path dir;

    @Test
    void aNewHostKeyIsEcdsaOnP256AndAKeptOneIsReadBackUnchanged() throws Exception {
        Path file = dir.resolve("host-key.pem");

        KeyPair generated = onlyKey(SftpDropBox.hostKeyProvider(file));

        assertThat(Files.exists(file)).isTrue();
        assertThat(((ECPublicKey) generated.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(onlyKey(SftpDropBox.hostKeyProvider(file)).getPublic()).isEqualTo(generated.getPublic());
    }

    @Test
    void aKeyAlreadyOnDiskIsKeptWhateverItsCurve() throws Exception {
        Path file = dir.resolve("old-host-key.pem");
        SimpleGeneratorHostKeyProvider sshdDefault = new SimpleGeneratorHostKeyProvider(file);
        sshdDefault.setAlgorithm("EC");
        KeyPair old = onlyKey(sshdDefault);

        KeyPair kept = onlyKey(SftpDropBox.hostKeyProvider(file));

        assertThat(((ECPublicKey) old.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(521);
        assertThat(kept.getPublic()).isEqualTo(old.getPublic());
    }

    @Test
    void jschCannotReadAP521SignatureWhoseRIsShorterThan64Bytes() throws Exception {
        ECPoint point = publicPoint("secp521r1");
        SignatureECDSA521 verifier = new SignatureECDSA521();
        verifier.init();
        verifier.setPubKey(fixed(point.getAffineX(), 66), fixed(point.getAffineY(), 66));
        verifier.update("exchange hash".getBytes(StandardCharsets.US_ASCII));
        BigInteger fullS = BigInteger.ONE.shiftLeft(519).add(BigInteger.TWO);

        // an r of 63 bytes: JSch writes the DER length of both integers (133) in one byte
        byte[] shortR = sshSignature("ecdsa-sha2-nistp521", BigInteger.ONE.shiftLeft(500).add(BigInteger.TEN), fullS);

        assertThatThrownBy(() -> verifier.verify(shortR)).hasMessageContaining("Invalid encoding for signature");
    }

    @Test
    void jschReadsEveryP256SignatureItIsGiven() throws Exception {
        ECPoint point = publicPoint("secp256r1");
        for (BigInteger r : List.of(BigInteger.ONE.shiftLeft(255).add(BigInteger.TEN), BigInteger.ONE.shiftLeft(100))) {
            SignatureECDSA256 verifier = new SignatureECDSA256();
            verifier.init();
            verifier.setPubKey(fixed(point.getAffineX(), 32), fixed(point.getAffineY(), 32));
            verifier.update("exchange hash".getBytes(StandardCharsets.US_ASCII));

            // not a valid signature of that hash: read, checked and refused, not malformed
            assertThat(verifier.verify(sshSignature("ecdsa-sha2-nistp256", r, BigInteger.ONE.shiftLeft(255).add(BigInteger.TWO))))
                    .isFalse();
        }
    }

    private static KeyPair onlyKey(KeyPairProvider provider) throws Exception {
        List<KeyPair> keys = new ArrayList<>();
        provider.loadKeys(null).forEach(keys::add);
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private static ECPoint publicPoint(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return ((ECPublicKey) generator.generateKeyPair().getPublic()).getW();
    }

    /** An unsigned big-endian number in exactly {@code length} bytes, as SSH sends a point's coordinates. */
    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - n, out, length - n, n);
        return out;
    }

    /** RFC 5656 signature blob: string name, string (mpint r, mpint s). */
    private static byte[] sshSignature(String name, BigInteger r, BigInteger s) throws IOException {
        ByteArrayOutputStream rs = new ByteArrayOutputStream();
        DataOutputStream rsOut = new DataOutputStream(rs);
        for (BigInteger value : List.of(r, s)) {
            byte[] mpint = value.toByteArray();
            rsOut.writeInt(mpint.length);
            rsOut.write(mpint);
        }
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(blob);
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(nameBytes.length);
        out.write(nameBytes);
        out.writeInt(rs.size());
        out.write(rs.toByteArray());
        return blob.toByteArray();
    }
}
