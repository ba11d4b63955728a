package org.oneday.android

import android.security.keystore.KeyGenParameterSpec
import java.io.InputStream
import java.io.OutputStream
import java.security.Key
import java.security.KeyStore
import java.security.KeyStoreSpi
import java.security.Provider
import java.security.SecureRandom
import java.security.Security
import java.security.cert.Certificate
import java.security.spec.AlgorithmParameterSpec
import java.util.Collections
import java.util.Date
import java.util.Enumeration
import javax.crypto.KeyGeneratorSpi
import javax.crypto.SecretKey
import javax.crypto.spec.SecretKeySpec

/**
 * An in-memory stand-in for Android Keystore, which Robolectric does not have (robolectric issue 1518):
 * a JCA provider named `AndroidKeyStore` with a `KeyStore` (secret keys by alias) and a `KeyGenerator.AES`
 * that reads the alias and size from [KeyGenParameterSpec]. The keys are plain AES keys, so the app's
 * `Cipher("AES/GCM/NoPadding")` resolves to the JDK's or Conscrypt's implementation. No user
 * authentication, no invalidation: a test that wants a lost key deletes the entry ([forget]).
 */
class FakeAndroidKeyStore : Provider(NAME, "1.0", "In-memory AndroidKeyStore for Robolectric tests") {
    init {
        put("KeyStore.$NAME", Store::class.java.name)
        put("KeyGenerator.AES", Generator::class.java.name)
    }

    /** The keystore: aliases to secret keys, in [entries]. */
    class Store : KeyStoreSpi() {
        override fun engineGetKey(alias: String, password: CharArray?): Key? = entries[alias]
        override fun engineGetCertificateChain(alias: String): Array<Certificate>? = null
        override fun engineGetCertificate(alias: String): Certificate? = null
        override fun engineGetCreationDate(alias: String): Date? = if (entries.containsKey(alias)) Date() else null
        override fun engineSetKeyEntry(alias: String, key: Key, password: CharArray?, chain: Array<out Certificate>?) {
            entries[alias] = key as SecretKey
        }
        override fun engineSetKeyEntry(alias: String, key: ByteArray, chain: Array<out Certificate>?) =
            throw UnsupportedOperationException("wrapped keys")
        override fun engineSetCertificateEntry(alias: String, cert: Certificate) =
            throw UnsupportedOperationException("certificates")
        override fun engineDeleteEntry(alias: String) {
            entries.remove(alias)
        }
        override fun engineAliases(): Enumeration<String> = Collections.enumeration(entries.keys.toList())
        override fun engineContainsAlias(alias: String): Boolean = entries.containsKey(alias)
        override fun engineSize(): Int = entries.size
        override fun engineIsKeyEntry(alias: String): Boolean = entries.containsKey(alias)
        override fun engineIsCertificateEntry(alias: String): Boolean = false
        override fun engineGetCertificateAlias(cert: Certificate): String? = null
        override fun engineStore(stream: OutputStream?, password: CharArray?) = Unit
        override fun engineLoad(stream: InputStream?, password: CharArray?) = Unit
    }

    /** `KeyGenerator.getInstance("AES", "AndroidKeyStore")`: a random key stored under the spec's alias. */
    class Generator : KeyGeneratorSpi() {
        private var spec: KeyGenParameterSpec? = null

        override fun engineInit(random: SecureRandom?) = throw UnsupportedOperationException("needs a KeyGenParameterSpec")
        override fun engineInit(params: AlgorithmParameterSpec?, random: SecureRandom?) {
            spec = params as? KeyGenParameterSpec ?: throw java.security.InvalidAlgorithmParameterException("not a KeyGenParameterSpec")
        }
        override fun engineInit(keysize: Int, random: SecureRandom?) = throw UnsupportedOperationException("needs a KeyGenParameterSpec")
        override fun engineGenerateKey(): SecretKey {
            val s = spec ?: throw IllegalStateException("not initialised")
            val bits = if (s.keySize > 0) s.keySize else 256
            val key = SecretKeySpec(ByteArray(bits / 8).also { SecureRandom().nextBytes(it) }, "AES")
            entries[s.keystoreAlias] = key
            specs[s.keystoreAlias] = s
            return key
        }
    }

    /** Installing, resetting and inspecting the fake (JVM-wide state: reset before every test). */
    companion object {
        /** The provider's name, the one the app asks for. */
        const val NAME: String = "AndroidKeyStore"

        /** The keys by alias. */
        val entries: MutableMap<String, SecretKey> = Collections.synchronizedMap(mutableMapOf())

        /** The spec each key was generated with, by alias. */
        val specs: MutableMap<String, KeyGenParameterSpec> = Collections.synchronizedMap(mutableMapOf())

        /** Registers the provider (once per JVM) and empties it. */
        fun install() {
            Security.removeProvider(NAME)
            Security.addProvider(FakeAndroidKeyStore())
            entries.clear()
            specs.clear()
        }

        /** Deletes a key as a factory reset of the Keystore would. */
        fun forget(alias: String) {
            KeyStore.getInstance(NAME).apply { load(null) }.deleteEntry(alias)
        }
    }
}
