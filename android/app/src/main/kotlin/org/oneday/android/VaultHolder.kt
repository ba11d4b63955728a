package org.oneday.android

import android.content.Context
import java.io.File
import org.oneday.android.present.UserMessage
import org.oneday.ffi.Vault
import org.oneday.ffi.VaultException
import org.oneday.ffi.createVault
import org.oneday.ffi.vaultExists

/** What opening the vault came to. */
sealed interface VaultOpening {
    /** The vault is open and unlocked. */
    data class Opened(
        /** The open vault. */
        val vault: Vault,
    ) : VaultOpening

    /** First start: a new vault was made. Its recovery code (UTF-8) is shown once, then wiped. */
    class Created(
        /** The new vault, unlocked. */
        val vault: Vault,
        /** The recovery code as UTF-8 bytes. */
        val recoveryCode: ByteArray,
    ) : VaultOpening

    /** The device key is gone (new Keystore, restored phone, key invalidated): ask for the recovery code. */
    data object NeedsRecoveryCode : VaultOpening

    /** The vault cannot be opened now; [message] is core's sentence (or "Unlock One Day"). */
    data class Failed(
        /** What to show. */
        val message: UserMessage,
    ) : VaultOpening
}

/**
 * The app's one open vault, in [Context.getNoBackupFilesDir]/vault, opened by the device key from
 * [DeviceKeyStore]. The screens share it; the launcher activity locks it when the app leaves the
 * screen. Widget and receivers use short-lived handles of their own ([withBackgroundVault]).
 */
object VaultHolder {
    private var vault: Vault? = null

    /** The vault's folder. */
    fun vaultDir(context: Context): String = File(context.noBackupFilesDir, "vault").absolutePath

    /** The open, unlocked vault, or `null`. */
    @Synchronized
    fun current(): Vault? = vault?.takeUnless { it.isLocked() }

    /**
     * Opens (or unlocks, or on first start creates) the vault with the device key. Never runs
     * Argon2id; call it off the main thread all the same (Keystore and disk).
     */
    @Synchronized
    fun open(context: Context): VaultOpening {
        val dir = vaultDir(context)
        val keys = DeviceKeyStore(context.applicationContext)
        val key = try {
            keys.load()
        } catch (_: DeviceKeyLostException) {
            if (vaultExists(dir)) return VaultOpening.NeedsRecoveryCode
            null // no vault: the stale key material is replaced below
        } catch (_: DeviceKeyUnavailableException) {
            return VaultOpening.Failed(UserMessage.LOCKED)
        }
        return try {
            when {
                !vaultExists(dir) -> {
                    val fresh = key ?: keys.create()
                    try {
                        val created = createVault(dir, fresh, null)
                        vault = created.vault
                        VaultOpening.Created(created.vault, created.recoveryCode)
                    } finally {
                        fresh.fill(0)
                    }
                }
                key == null -> VaultOpening.NeedsRecoveryCode
                else -> {
                    val held = vault
                    if (held != null && held.dir() == dir) {
                        if (held.isLocked()) held.unlockWithDeviceKey(key)
                        VaultOpening.Opened(held)
                    } else {
                        Vault.openWithDeviceKey(dir, key).also { vault = it }.let { VaultOpening.Opened(it) }
                    }
                }
            }
        } catch (e: VaultException.WrongDeviceKey) {
            VaultOpening.NeedsRecoveryCode
        } catch (e: VaultException.NoDeviceSlot) {
            VaultOpening.NeedsRecoveryCode
        } catch (e: VaultException) {
            VaultOpening.Failed(UserMessage.from(e) ?: throw e)
        } finally {
            key?.fill(0)
        }
    }

    /**
     * Opens the vault with the recovery code (or passphrase) the user typed, as UTF-8 bytes, and
     * gives this phone a new device key so the next start needs no code; core rotates the data key
     * on the way ([Vault.recover]). The new Keystore key is made first: on this path the old one
     * already opens nothing. Runs Argon2id: call it off the main thread. Wipes [secret].
     */
    @Synchronized
    fun openWithRecovery(context: Context, secret: ByteArray): VaultOpening {
        val dir = vaultDir(context)
        return try {
            val fresh = DeviceKeyStore(context.applicationContext).create()
            val opened = try {
                Vault.recover(dir, secret, fresh)
            } finally {
                fresh.fill(0)
            }
            vault?.close()
            vault = opened
            VaultOpening.Opened(opened)
        } catch (e: VaultException) {
            VaultOpening.Failed(UserMessage.from(e) ?: throw e)
        } finally {
            secret.fill(0)
        }
    }

    /** Locks the vault: core wipes its keys from memory. The next [open] unlocks it again. */
    @Synchronized
    fun lock() {
        vault?.lock()
    }

    /**
     * Runs [block] on a handle of its own, opened with the device key and closed after, for the widget
     * and the receivers. `null` when there is no vault or it cannot be opened without the user (no
     * device key, phone locked, recovery code needed): never prompts, never creates.
     */
    fun <T> withBackgroundVault(context: Context, block: (Vault) -> T): T? {
        val dir = vaultDir(context)
        if (!vaultExists(dir)) return null
        val key = try {
            DeviceKeyStore(context.applicationContext).load()
        } catch (_: DeviceKeyLostException) {
            null
        } catch (_: DeviceKeyUnavailableException) {
            null
        } ?: return null
        return try {
            Vault.openWithDeviceKey(dir, key).use(block)
        } catch (_: VaultException) {
            null
        } finally {
            key.fill(0)
        }
    }
}
