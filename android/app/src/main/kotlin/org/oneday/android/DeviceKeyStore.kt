package org.oneday.android

import android.content.Context
import android.content.pm.PackageManager
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import android.security.keystore.StrongBoxUnavailableException
import android.security.keystore.UserNotAuthenticatedException
import java.io.File
import java.io.FileOutputStream
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.ProviderException
import java.security.SecureRandom
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import org.oneday.ffi.destroyFile

/**
 * The 32-byte device key the vault's device slot needs, kept wrapped by an AES-256-GCM key that lives in
 * Android Keystore (alias [ALIAS]): generated inside the Keystore (in StrongBox when the phone has
 * one), never exportable, usable only while the phone is unlocked. The wrapped bytes are a file in
 * [Context.getNoBackupFilesDir], so neither backup nor device transfer ever carries them.
 *
 * Callers wipe the returned arrays (`fill(0)`) once the core has the key.
 */
class DeviceKeyStore(private val context: Context) {
    private val blobFile = File(context.noBackupFilesDir, BLOB_FILE)

    /**
     * The device key, or `null` when none was ever made on this install (first start).
     *
     * Throws [DeviceKeyLostException] when it cannot come back: the Keystore key or the wrapped file is
     * gone, or the Keystore key was invalidated or replaced. The vault must then be opened with the
     * recovery code. Throws [DeviceKeyUnavailableException] when the phone is locked or the Keystore
     * fails for now: try again later, nothing is lost.
     */
    fun load(): ByteArray? {
        val keyStore = androidKeyStore()
        val hasKey = keyStore.containsAlias(ALIAS)
        val hasBlob = blobFile.isFile
        if (!hasKey && !hasBlob) return null
        if (!hasKey || !hasBlob) throw DeviceKeyLostException(null)
        val wrapping = keyStore.getKey(ALIAS, null) as? SecretKey ?: throw DeviceKeyLostException(null)
        val blob = blobFile.readBytes()
        if (blob.size != BLOB_SIZE || blob[0] != FORMAT_VERSION) throw DeviceKeyLostException(null)
        try {
            val cipher = Cipher.getInstance(TRANSFORMATION)
            cipher.init(Cipher.DECRYPT_MODE, wrapping, GCMParameterSpec(TAG_BITS, blob, 1, IV_SIZE))
            cipher.updateAAD(AAD)
            return cipher.doFinal(blob, 1 + IV_SIZE, blob.size - 1 - IV_SIZE)
        } catch (e: KeyPermanentlyInvalidatedException) {
            throw DeviceKeyLostException(e)
        } catch (e: AEADBadTagException) {
            throw DeviceKeyLostException(e)
        } catch (e: UserNotAuthenticatedException) {
            throw DeviceKeyUnavailableException(e)
        } catch (e: GeneralSecurityException) {
            throw DeviceKeyUnavailableException(e)
        } catch (e: ProviderException) {
            // Some Keystore versions report a locked phone this way.
            throw DeviceKeyUnavailableException(e)
        }
    }

    /**
     * Makes a new device key: a new Keystore key replaces any old one, 32 random bytes are wrapped with
     * it and written (atomically) over any old wrapped file. Returns the 32 bytes.
     */
    fun create(): ByteArray {
        val wrapping = generateWrappingKey()
        val deviceKey = ByteArray(DEVICE_KEY_SIZE).also { SecureRandom().nextBytes(it) }
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, wrapping) // the Keystore picks the IV
        cipher.updateAAD(AAD)
        val sealed = cipher.doFinal(deviceKey)
        val iv = cipher.iv
        check(iv.size == IV_SIZE && sealed.size == BLOB_SIZE - 1 - IV_SIZE) { "unexpected GCM output size" }
        writeAtomically(byteArrayOf(FORMAT_VERSION) + iv + sealed)
        return deviceKey
    }

    /**
     * Destroys the Keystore key, then the wrapped file in place (overwritten with random bytes and
     * synced by core before it is deleted). The first step of a panic wipe.
     */
    fun destroy() {
        androidKeyStore().deleteEntry(ALIAS)
        destroyFile(blobFile.path)
    }

    private fun generateWrappingKey(): SecretKey {
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE)
        val strongBox = context.packageManager.hasSystemFeature(PackageManager.FEATURE_STRONGBOX_KEYSTORE)
        if (strongBox) {
            try {
                generator.init(spec(strongBox = true))
                return generator.generateKey()
            } catch (_: StrongBoxUnavailableException) {
                // Advertised but not usable for this key: the TEE-backed Keystore below.
            }
        }
        generator.init(spec(strongBox = false))
        return generator.generateKey()
    }

    private fun spec(strongBox: Boolean): KeyGenParameterSpec =
        KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setKeySize(256)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setRandomizedEncryptionRequired(true)
            .setUnlockedDeviceRequired(true)
            .setIsStrongBoxBacked(strongBox)
            .build()

    private fun writeAtomically(bytes: ByteArray) {
        val tmp = File(blobFile.parentFile, "$BLOB_FILE.tmp")
        FileOutputStream(tmp).use { out ->
            out.write(bytes)
            out.fd.sync()
        }
        if (!tmp.renameTo(blobFile)) {
            tmp.delete()
            throw java.io.IOException("cannot store the wrapped device key")
        }
    }

    private fun androidKeyStore(): KeyStore = KeyStore.getInstance(KEYSTORE).apply { load(null) }

    /** Names and sizes of the stored form: version byte, 12-byte IV, 32 bytes sealed + 16-byte tag. */
    companion object {
        /** The Keystore alias of the wrapping key. */
        const val ALIAS: String = "oneday.device"

        private const val KEYSTORE = "AndroidKeyStore"
        private const val TRANSFORMATION = "AES/GCM/NoPadding"
        private const val BLOB_FILE = "device-key.bin"
        private const val FORMAT_VERSION: Byte = 1
        private const val IV_SIZE = 12
        private const val TAG_BITS = 128
        private const val DEVICE_KEY_SIZE = 32
        private const val BLOB_SIZE = 1 + IV_SIZE + DEVICE_KEY_SIZE + TAG_BITS / 8
        private val AAD = "oneday.device-key.v1".toByteArray(Charsets.US_ASCII)
    }
}

/** The device key cannot come back (Keystore key or wrapped file gone, invalidated or replaced). */
class DeviceKeyLostException(cause: Throwable?) : Exception("the device key is gone", cause)

/** The device key cannot be used right now (phone locked, Keystore busy); nothing is lost. */
class DeviceKeyUnavailableException(cause: Throwable?) : Exception("the device key is not available now", cause)
